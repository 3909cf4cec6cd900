/** 行政执法公示: the public portal's lists, as the platform sees the module. */
import type { ModuleManifest } from '../../platform/module.js';
import { publicRoutes } from './routes.js';

export const disclosureManifest = {
  id: 'disclosure',
  name: '行政执法公示',
  routes: publicRoutes,
} satisfies ModuleManifest;
