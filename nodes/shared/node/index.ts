/** Nodes: the item loop, operations and their descriptions, parameters and resource locators. */
export * from './batches';
export * from './commonProperties';
export * from './itemLoop';
export * from './itemParameter';
export * from './locator';
export * from './maxInFlight';
export * from './mutation';
export * from './nodeClass';
export * from './nodeProperties';
export * from './operation';
export * from './parameters';
