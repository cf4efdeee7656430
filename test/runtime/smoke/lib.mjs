// The package as an ES module app imports it: the main entry, `/testing` and `/schemas`, merged
// into the one object the smoke suite takes, with the app's own zod (full and mini) beside them.
// Shared by the entries that import (Node, Bun and Deno; the worker and the page, bundled).
import * as main from 'responses-client';
import * as schemas from 'responses-client/schemas';
import * as testing from 'responses-client/testing';
import * as zod from 'zod';
import * as zodMini from 'zod/mini';

export const lib = { ...main, ...testing, schemas, zod, zodMini };
