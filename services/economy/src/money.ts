/** Money is counted in whole øre (integers); DKK text is for display. */
export interface Money {
  ore: number;
  dkk: string;
}

export function money(ore: number): Money {
  return { ore, dkk: formatDkk(ore) };
}

export function formatDkk(ore: number): string {
  const sign = ore < 0 ? '-' : '';
  const abs = Math.abs(ore);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
