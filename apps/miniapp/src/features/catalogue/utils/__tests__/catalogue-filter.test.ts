import { initialCatalogueFilterValues, toProductFilter } from '../catalogue-filter';

describe('toProductFilter', () => {
  it('sends nothing when nothing is set', () => {
    expect(toProductFilter(initialCatalogueFilterValues)).toEqual({ filter: {}, errors: {} });
  });

  it('maps every filter, budget from yuan to fen', () => {
    expect(
      toProductFilter({
        category: 'MEDICAL',
        text: '  医疗 ',
        age: '35',
        budgetYuan: '500.5',
        insurerId: 'anxin',
        sort: 'PRICE',
      }),
    ).toEqual({
      filter: { category: 'MEDICAL', text: '医疗', age: 35, budget: 50050, insurerId: 'anxin' },
      errors: {},
    });
  });

  it('leaves out what cannot be used and says why', () => {
    expect(toProductFilter({ ...initialCatalogueFilterValues, age: '130', budgetYuan: '1.234' })).toEqual({
      filter: {},
      errors: { age: '年龄须为 0–120 的整数', budget: '预算须为金额，如 500' },
    });
    expect(toProductFilter({ ...initialCatalogueFilterValues, age: '0', budgetYuan: '0' }).filter).toEqual({
      age: 0,
      budget: 0,
    });
  });
});
