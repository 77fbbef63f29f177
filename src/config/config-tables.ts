// Names of the `config` read model and its tables, shared by the projection (projections/config/) and the
// code that reads it (SqlConfigView).
export const CONFIG_PROJECTION = 'config';

export const CONFIG_TABLES = {
  domains: 'config_domains',
  dkimKeys: 'config_dkim_keys',
  accounts: 'config_accounts',
  addresses: 'config_addresses',
} as const;
