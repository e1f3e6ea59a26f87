import { Center, Loader } from '@mantine/core';

/** Shown while a page or a lazily loaded surface arrives. */
export function PageLoader() {
  return (
    <Center h="60vh" role="status" aria-live="polite">
      <Loader />
    </Center>
  );
}
