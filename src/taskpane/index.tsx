import { createRoot } from 'react-dom/client';
import { FluentProvider, Title3, Body1, webLightTheme } from '@fluentui/react-components';

function App() {
  return (
    <FluentProvider theme={webLightTheme} style={{ padding: 12 }}>
      <Title3 as="h1">Local Spend Baseline</Title3>
      <Body1 as="p">How much of your spend stays in your place.</Body1>
    </FluentProvider>
  );
}

Office.onReady(() => {
  createRoot(document.getElementById('root')!).render(<App />);
});
