/**
 * Tax: rates as data by ship-to country/region and product tax class, company exemptions, and
 * the per-line computation checkout and invoicing use (`taxFor`). Other modules import only this file.
 */
export { companyTaxExemptions, taxRates } from './tax.tables.ts';
export { computeTax, lineTax, pickRate, STANDARD_CLASS, type TaxLineInput, type TaxLineResult, type TaxRateRow } from './domain/tax.ts';
export {
  createTaxRate,
  deleteTaxExemption,
  deleteTaxRate,
  getTaxExemption,
  getTaxRate,
  listTaxRates,
  setTaxExemption,
  taxFor,
  taxFromInputs,
  taxInputsRead,
  updateTaxRate,
  type TaxExemptionView,
  type TaxInput,
  type TaxInputs,
  type TaxRateInput,
  type TaxRateView,
  type TaxResult,
} from './tax.service.ts';
export { taxAdminRoutes } from './tax.routes.ts';
