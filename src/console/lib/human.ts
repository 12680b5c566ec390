// Sizes and durations as people read them: "1.5 MiB", "3 d 4 h". Numbers in the reader's language.
const SIZES = ["B", "KiB", "MiB", "GiB", "TiB"];

export function bytes(n: number, lang = "en"): string {
  let i = 0;
  let v = n;
  while (v >= 1024 && i < SIZES.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toLocaleString(lang, { maximumFractionDigits: i === 0 ? 0 : 1 })} ${SIZES[i]}`;
}

const SPANS: [string, number][] = [
  ["d", 86_400],
  ["h", 3_600],
  ["m", 60],
  ["s", 1],
];

/** The two largest units: "3 d 4 h", "5 m 2 s", "0 s". */
export function duration(seconds: number): string {
  const total = Math.max(0, Math.floor(seconds));
  const first = SPANS.findIndex(([, size]) => total >= size);
  if (first === -1) return "0 s";
  const [[u1, s1], next] = [SPANS[first]!, SPANS[first + 1]];
  const head = `${Math.floor(total / s1)} ${u1}`;
  return next ? `${head} ${Math.floor((total % s1) / next[1])} ${next[0]}` : head;
}
