/**
 * Transactional emails (order confirmation, shipment, invoice issued / overdue, return status),
 * localized in en, ar, ur, bn and sent over SMTP from outbox events. Other modules import only this file.
 */
export { notificationsEventHandlers, type NotificationDeps } from './notifications.handlers.ts';
export { renderEmail, type EmailData, type EmailKind, type EmailLine, type RenderedEmail } from './domain/render.ts';
export { EMAIL_LOCALES, emailLocale, RETURN_EMAIL_STATUSES, type EmailLocale, type ReturnEmailStatus } from './domain/catalog.ts';
export { carrierTrackingUrl } from './domain/tracking-url.ts';
export { notificationsSent } from './notifications.tables.ts';
