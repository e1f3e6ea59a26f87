/**
 * Public tracking pages of carriers the demo markets use. A carrier we do not know gets no link:
 * the email then points to the order page, which shows the tracking events we received.
 */
const TRACKING_PAGES: Readonly<Record<string, string>> = {
  dhl: 'https://www.dhl.com/global-en/home/tracking/tracking-express.html?tracking-id={n}',
  fedex: 'https://www.fedex.com/fedextrack/?trknbr={n}',
  ups: 'https://www.ups.com/track?tracknum={n}',
  aramex: 'https://www.aramex.com/track/results?ShipmentNumber={n}',
  tcs: 'https://www.tcsexpress.com/track/{n}',
  leopards: 'https://www.leopardscourier.com/tracking?cn={n}',
  'royal mail': 'https://www.royalmail.com/track-your-item#/tracking-results/{n}',
  'sundarban courier': 'https://sundarbancourierltd.com/track?cn={n}',
};

/** The carrier's public tracking link for a tracking number, or null when the carrier is unknown. */
export function carrierTrackingUrl(carrier: string, trackingNumber: string | null | undefined): string | null {
  if (!trackingNumber) return null;
  const key = carrier.trim().toLowerCase();
  const page = TRACKING_PAGES[key] ?? Object.entries(TRACKING_PAGES).find(([name]) => key.startsWith(`${name} `) || key.startsWith(name))?.[1];
  return page ? page.replace('{n}', encodeURIComponent(trackingNumber)) : null;
}
