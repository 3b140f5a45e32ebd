export { ChangeRecordEntity } from './change-record.entity';
export { HistoryStore, snapshot, type Change } from './history-store';
