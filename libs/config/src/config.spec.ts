import { ConfigError, loadConfig } from './config';

describe('configuration from the environment', () => {
  it('fills defaults for the embedded stack', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      PORT: 3000,
      HOST: '127.0.0.1',
      TEMPORAL_NAMESPACE: 'default',
      MONGODB_DB: 'vsoko',
    });
    expect(config.TEMPORAL_ADDRESS).toBeUndefined();
    expect(config.eventStorePath).toMatch(/\.vsoko\/data\/events\.sqlite$/);
  });

  it('names every bad variable in one Russian message and refuses to start', () => {
    const attempt = () =>
      loadConfig({ PORT: 'восемь', MONGODB_URL: 'postgres://x', TEMPORAL_ADDRESS: 'localhost' });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (e) {
      const message = (e as ConfigError).message;
      expect(message).toContain('PORT');
      expect(message).toContain('MONGODB_URL');
      expect(message).toContain('TEMPORAL_ADDRESS');
      expect((e as ConfigError).problems).toHaveLength(3);
    }
  });

  it('takes production servers from the environment', () => {
    const config = loadConfig({
      PORT: '8080',
      TEMPORAL_ADDRESS: 'temporal:7233',
      MONGODB_URL: 'mongodb://mongo:27017/?replicaSet=rs0',
      EVENTSTORE_URL: 'kurrentdb://kurrentdb:2113?tls=false',
      SMTP_URL: 'smtp://relay:25',
    });
    expect(config).toMatchObject({
      PORT: 8080,
      TEMPORAL_ADDRESS: 'temporal:7233',
      EVENTSTORE_URL: 'kurrentdb://kurrentdb:2113?tls=false',
    });
  });

  it('chooses the embedded workflow engine, refusing one it does not know', () => {
    expect(loadConfig({}).VSOKO_TEMPORAL_BACKEND).toBe('dev');
    expect(loadConfig({ VSOKO_TEMPORAL_BACKEND: 'postgres' }).VSOKO_TEMPORAL_BACKEND).toBe('postgres');
    expect(() => loadConfig({ VSOKO_TEMPORAL_BACKEND: 'cassandra' })).toThrow(
      /VSOKO_TEMPORAL_BACKEND: одно из dev, postgres/,
    );
  });

  it('chooses the embedded read backend, refusing one it does not know', () => {
    expect(loadConfig({}).VSOKO_READ_BACKEND).toBe('ferretdb-sqlite');
    expect(loadConfig({ VSOKO_READ_BACKEND: 'ferretdb-pg' }).VSOKO_READ_BACKEND).toBe('ferretdb-pg');
    expect(() => loadConfig({ VSOKO_READ_BACKEND: 'mysql' })).toThrow(/VSOKO_READ_BACKEND: одно из/);
  });

  it('lets an operator allow private feed hosts, and names a malformed list', () => {
    expect(loadConfig({}).outboundAllowList.ranges).toHaveLength(0);
    const allow = loadConfig({
      OUTBOUND_ALLOWED_HOSTS: 'calendar.school.local, 10.20.0.0/16',
    }).outboundAllowList;
    expect([...allow.names]).toEqual(['calendar.school.local']);
    expect(allow.ranges).toHaveLength(1);
    expect(() => loadConfig({ OUTBOUND_ALLOWED_HOSTS: 'http://127.0.0.1/' })).toThrow(
      /OUTBOUND_ALLOWED_HOSTS: имена хостов/,
    );
  });

  it('keeps the read models in an SQLite file of the data folder unless told to use MongoDB', () => {
    const config = loadConfig({ VSOKO_DATA_DIR: '/srv/vsoko' });
    expect(config.VSOKO_READ_MODELS).toBe('sqlite');
    expect(config.readModelsPath).toBe('/srv/vsoko/read-models.sqlite');
    expect(loadConfig({ VSOKO_READ_MODELS: 'mongodb' }).VSOKO_READ_MODELS).toBe('mongodb');
    expect(() => loadConfig({ VSOKO_READ_MODELS: 'redis' })).toThrow(
      /VSOKO_READ_MODELS: одно из sqlite, mongodb/,
    );
  });

  it('reads the limits the README documents, which were once left out of the variables it picks', () => {
    const config = loadConfig({
      LOGIN_ATTEMPTS_PER_ADDRESS_PER_MINUTE: '100',
      BODY_MAX_BYTES: '2048',
      BODY_MAX_DEPTH: '8',
    });
    expect({
      login: config.LOGIN_ATTEMPTS_PER_ADDRESS_PER_MINUTE,
      bytes: config.BODY_MAX_BYTES,
      depth: config.BODY_MAX_DEPTH,
    }).toEqual({ login: 100, bytes: 2048, depth: 8 });
    expect(() => loadConfig({ BODY_MAX_DEPTH: '1000' })).toThrow(/BODY_MAX_DEPTH: от 4 до 256 уровней/);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ TEMPORAL_ADDRESS: '', MONGODB_URL: '' }).TEMPORAL_ADDRESS).toBeUndefined();
  });
});
