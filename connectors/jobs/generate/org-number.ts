// Swedish organisation numbers: ten digits, the third at least 2, the last a Luhn check digit.

export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(i) - 48;
    if (i % 2 === 0) { d *= 2; if (d > 9) d -= 9; }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

export function isValidOrganisationNumber(s: string): boolean {
  const digits = s.replace('-', '');
  return /^\d{10}$/.test(digits) && Number(digits[2]) >= 2 && luhnCheckDigit(digits.slice(0, 9)) === Number(digits[9]);
}

/**
 * The n-th organisation number of a series: `prefix` (e.g. "556" for limited companies, "212" for
 * municipalities) followed by a serial that is distinct for every n below 10^(9 - prefix length).
 */
export function organisationNumber(prefix: string, n: number): string {
  const width = 9 - prefix.length;
  const space = 10 ** width;
  // Multiplying by a number coprime to 10^width spreads consecutive n over the range, one-to-one.
  const serial = (BigInt(n) * 7919n) % BigInt(space);
  const body = prefix + serial.toString().padStart(width, '0');
  return body + luhnCheckDigit(body);
}
