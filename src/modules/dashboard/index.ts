/**
 * The buyer's self-service dashboard: one read composed from credit, orders, invoicing and
 * returns through their public faces. Other modules import only this file.
 */
export { dashboardRoutes } from './dashboard.routes.ts';
export { storeDashboard, type DashboardOrder, type StoreDashboard } from './dashboard.service.ts';
