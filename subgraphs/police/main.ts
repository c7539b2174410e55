// First: tracing must be registered before http and pg are loaded.
import '../../platform/instrument.js';
import { runStandalone } from '../shared/standalone.js';
import { policeSubgraph } from './police.subgraph.js';

void runStandalone(policeSubgraph);
