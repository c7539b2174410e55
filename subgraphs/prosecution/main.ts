// First: tracing must be registered before http and pg are loaded.
import '../../platform/instrument.js';
import { runStandalone } from '../shared/standalone.js';
import { prosecutionSubgraph } from './prosecution.subgraph.js';

void runStandalone(prosecutionSubgraph);
