// The ribbon's only button opens the task pane (a ShowTaskpane action), so this function file
// has no commands to register; Office still requires it to load and initialise.
Office.onReady(() => undefined);
