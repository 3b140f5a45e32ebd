/** The weights of the CVR number's modulus-11 check, digit by digit. */
const WEIGHTS = [2, 7, 6, 5, 4, 3, 2, 1] as const;

/**
 * A CVR number (*Det Centrale Virksomhedsregister*) is 8 digits, the first not
 * 0, whose digits times the weights 2,7,6,5,4,3,2,1 sum to a multiple of 11
 * (the last digit is the check digit).
 */
export function cvrProblem(cvr: string): string | null {
  if (!/^[1-9]\d{7}$/.test(cvr)) return 'A CVR number is 8 digits and does not start with 0';
  const sum = [...cvr].reduce((acc, digit, i) => acc + Number(digit) * WEIGHTS[i]!, 0);
  return sum % 11 === 0 ? null : 'The CVR number fails the modulus-11 check: a digit is wrong';
}
