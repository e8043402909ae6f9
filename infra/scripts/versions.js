'use strict';
// The pinned servers of the embedded stack (see docs/ARCHITECTURE.md). Changing one is a reviewed change.
module.exports = {
  // v1.5.1 is the last CLI tag whose go.mod has no replace directive, so `go install` can build it.
  temporal: 'github.com/temporalio/cli/cmd/temporal@v1.5.1',
  // FerretDB itself is pinned in infra/ferretdb/go.mod (v1.24.2).
  ferretdbModule: 'infra/ferretdb',
  // go.temporal.io/server pinned in infra/temporal-server/go.mod at the version the CLI above embeds (v1.29.1).
  temporalServerModule: 'infra/temporal-server',
};
