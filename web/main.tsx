import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './app.css';
import { StrictMode, Suspense, lazy } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { I18nextProvider } from 'react-i18next';
import { DirectionProvider, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { directionOf, initI18n } from './i18n/index.ts';
import { theme } from './theme.ts';
import { LocaleSync } from './ui/locale-sync.tsx';
import { PageLoader } from './ui/page-loader.tsx';
import { isApiError } from './api/client.ts';

const i18n = initI18n();

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // A 4xx will not fix itself by asking again; network blips may.
      retry: (count, error) => !(isApiError(error) && error.status < 500) && count < 2,
    },
  },
});

// Each surface is its own chunk: shoppers never download the admin console.
const StorefrontApp = lazy(() => import('./storefront/storefront-app.tsx'));
const AdminApp = lazy(() => import('./admin/admin-app.tsx'));

function Root() {
  return (
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <DirectionProvider initialDirection={directionOf(i18n.language)} detectDirection>
          <MantineProvider theme={theme} defaultColorScheme="light">
            <LocaleSync />
            <Notifications position="top-right" />
            <QueryClientProvider client={queryClient}>
              <BrowserRouter>
                <Suspense fallback={<PageLoader />}>
                  <Routes>
                    <Route path="/admin/*" element={<AdminApp />} />
                    <Route path="/*" element={<StorefrontApp />} />
                  </Routes>
                </Suspense>
              </BrowserRouter>
            </QueryClientProvider>
          </MantineProvider>
        </DirectionProvider>
      </I18nextProvider>
    </StrictMode>
  );
}

const container = document.getElementById('root');
if (container) createRoot(container).render(<Root />);
