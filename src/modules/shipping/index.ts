/**
 * Shipping: methods with a zone (countries or regions), weight-band rates and a free-shipping
 * threshold, in one currency each. Checkout calls `shippingOptions` and `shippingQuote`.
 * Other modules import only this file.
 */
export { shippingMethods, shippingMethodZones, shippingRateBands } from './shipping.tables.ts';
export type { RateBand, ShippingOption, ShipTo, ZoneEntry } from './domain/rates.ts';
export {
  createShippingMethod,
  deleteShippingMethod,
  getShippingMethod,
  listShippingMethods,
  shippingOptions,
  shippingQuote,
  shippingMethodRead,
  quoteWith,
  type QuotableMethod,
  updateShippingMethod,
  type ShippingInput,
  type ShippingMethodInput,
  type ShippingMethodView,
} from './shipping.service.ts';
export { shippingAdminRoutes } from './shipping.routes.ts';
