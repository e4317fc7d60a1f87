/** CSV files bundled as text (webpack's asset/source), such as the default rules. */
declare module '*.csv' {
  const text: string;
  export default text;
}
