import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('uses defaults for an empty environment', () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(3000);
    expect(c.DATA_DIR).toBe('./data');
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.PUBLIC_URL).toBe('http://127.0.0.1:3000');
  });

  it('parses numbers and booleans from strings', () => {
    const c = loadConfig({ PORT: '8080', COOKIE_SECURE: 'true', DATABASE_URL: 'postgres://u:p@h:5432/db' });
    expect(c.PORT).toBe(8080);
    expect(c.COOKIE_SECURE).toBe(true);
    expect(c.DATABASE_URL).toBe('postgres://u:p@h:5432/db');
  });

  it('names every bad value in one error, each on its own line', () => {
    let message = '';
    try {
      loadConfig({ PORT: 'eighty', COOKIE_SECURE: 'maybe', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud', LOGIN_MAX_FAILURES: '0' });
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      message = (err as Error).message;
    }
    const lines = message.split('\n').slice(1);
    expect(lines.some((l) => l.includes('PORT') && l.includes('whole number'))).toBe(true);
    expect(lines.some((l) => l.includes('COOKIE_SECURE') && l.includes('true or false'))).toBe(true);
    expect(lines.some((l) => l.includes('DATABASE_URL'))).toBe(true);
    expect(lines.some((l) => l.includes('LOG_LEVEL'))).toBe(true);
    expect(lines.some((l) => l.includes('LOGIN_MAX_FAILURES'))).toBe(true);
  });

  it('rejects a port out of range', () => {
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT/);
  });
});
