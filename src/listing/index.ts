// Listing read-model rows with mox's Filter / Sort (reference 3.8): filters to SQL conditions, time
// filters relative to now, (Field, ID) ordering and keyset pagination. Used for webhooks, and for queue
// and retired messages.
//
//   const where = new Where().inList('ID', f.IDs).equalsNonEmpty('Account', f.Account)
//     .time('Filter.Submitted', 'Submitted', f.Submitted, now);
//   const rows = listRows(db, { table, id: 'ID', sortFields: { NextAttempt: 'NextAttempt', Submitted: 'Submitted' },
//     defaultField: 'NextAttempt' }, { where, sort, max: f.Max });
export { listRows, listSql, orderAndKeyset, type ListQuery, type ListSort, type ListingTable } from './keyset';
export { parseTimeFilter, storedTime, type TimeCondition } from './times';
export { column, Where, type SqlPart } from './where';
