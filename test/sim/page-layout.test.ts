import { createExcelSimulator } from './excel-simulator';
import { officeErrorOf } from './expect-office-error';

describe('Worksheet.pageLayout (ExcelApi 1.9)', () => {
  it('sets and reads back the page setup, print title rows and the header and footer for all pages', async () => {
    const sim = createExcelSimulator({ sheets: [{ name: 'Report' }] });
    await sim.Excel.run(async (context) => {
      const page = context.workbook.worksheets.getItem('Report').pageLayout;
      page.orientation = 'Landscape';
      page.paperSize = 'A4';
      page.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      page.leftMargin = 28.8;
      page.setPrintTitleRows('$1:$4');
      page.headersFooters.defaultForAllPages.centerFooter = 'Page &P of &N';
      await context.sync();
      page.load('orientation, paperSize, zoom, leftMargin');
      page.headersFooters.defaultForAllPages.load('centerFooter, leftHeader');
      await context.sync();
      expect([page.orientation, page.paperSize, page.zoom, page.leftMargin]).toEqual(['Landscape', 'A4', { horizontalFitToPages: 1, verticalFitToPages: 0 }, 28.8]);
      expect([page.headersFooters.defaultForAllPages.centerFooter, page.headersFooters.defaultForAllPages.leftHeader]).toEqual(['Page &P of &N', '']);
    });
    expect(sim.pageLayout('Report').printTitleRows).toBe('$1:$4');
  });

  it('is not there before ExcelApi 1.9, and print title rows must be whole rows', async () => {
    const old = createExcelSimulator({ sheets: [{ name: 'Report' }], host: { excelApiVersion: '1.8' } });
    const error = await officeErrorOf(old.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Report').pageLayout.orientation = 'Landscape';
      await context.sync();
    }));
    expect(error.code).toBe('ApiNotFound');
    const sim = createExcelSimulator({ sheets: [{ name: 'Report' }] });
    const wrong = await officeErrorOf(sim.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Report').pageLayout.setPrintTitleRows('A1:B2');
      await context.sync();
    }));
    expect(wrong.code).toBe('InvalidArgument');
  });
});
