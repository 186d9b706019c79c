/**
 * The catalogue: items with their unit (UN/CEFACT Rec 20), NSN, CPV code, category, lethal
 * flag, and which items can serve a need for another. Depends on: shared, store, audit.
 * Other contexts refer to items by code through {@link org.quartermaster.catalog.Catalog}.
 */
package org.quartermaster.catalog;
