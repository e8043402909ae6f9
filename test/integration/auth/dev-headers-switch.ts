/**
 * Integration tests written before accounts existed act through the X-Actor-* development headers; this turns
 * the stand-in on for them until each is migrated to `loginAs` (test/integration/auth/login.ts).
 */
process.env.AUTH_DEV_HEADERS ??= 'true';
