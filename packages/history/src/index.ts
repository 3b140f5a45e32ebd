export { ChangeRecordEntity } from './change-record.entity';
export { HistoryStore, createChangeRecordTable, snapshot, type Change } from './history-store';
