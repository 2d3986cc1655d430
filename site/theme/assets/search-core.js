"use strict";
// Playbook search core: pure functions, no DOM. The tokenizer and stemmer (exactly those of
// site/search/tokenize.go and stem.go: the shared vectors in site/search/testdata keep them in
// step), the shard of a term (FNV-1a, as search.ShardOf), the ranking of documents from the
// index's postings, prefix expansion of the word being typed, and snippets with the matched
// words marked. search.js holds the page code and loads the index (docs/search.md).
(() => {
  const Playbook = (globalThis.Playbook = globalThis.Playbook || {});

  // VERSION is the index format this script reads (search.Version).
  const VERSION = 3;
  // K1 is the BM25 saturation of the precomputed, field-weighted term frequency.
  const K1 = 1.2;
  // PHRASE and NEAR are the bonuses, in units of the query's summed idf, of documents where
  // the query's words stand together in query order, and of documents where they stand close.
  const PHRASE = 0.5;
  const NEAR = 0.2;
  // NEAR_SLACK is how many positions beyond the query's own span still count as close.
  const NEAR_SLACK = 6;
  // PREFIX_WEIGHT scales the score of a word completed from the prefix being typed, so that
  // the word as typed ranks first when it exists.
  const PREFIX_WEIGHT = 0.9;
  // MIN_PREFIX is the shortest word that is completed while typing.
  const MIN_PREFIX = 2;

  // STOP_WORDS are the words a longer query may do without: they add to the score of the
  // documents that have them (and to the phrase bonus) but are not required, and they are not
  // marked. Chinese ones are matched inside a run of characters: the single characters and
  // pairs that touch them are optional too ("如何处理投诉" requires 处理, 理投, 投诉).
  const STOP_WORDS = new Set(("a an and are as at be by can do does for from how i in into is it its me my of on or our " +
    "should that the their this to was we what when where which who why will with you your").split(" "));
  const STOP_CJK = ["为什么", "怎么样", "什么", "怎么", "怎样", "如何", "哪些", "哪个", "请问", "应该", "我们", "你们",
    "的", "了", "是", "吗", "呢", "吧", "啊", "和", "与", "及", "在", "把", "被", "要", "我", "你", "有"];

  const RE_CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
  // Go's unicode.IsLetter, unicode.IsDigit (decimal digits only) and unicode.Mn.
  const RE_WORD = /[\p{L}\p{Nd}\p{Mn}]/u;

  // foldWidth maps full-width ASCII variants and the ideographic space to their half-width forms.
  const foldWidth = (cp) => (cp >= 0xff01 && cp <= 0xff5e ? cp - 0xff01 + 0x21 : cp === 0x3000 ? 0x20 : cp);

  // lower lower-cases one character to one character, as Go's unicode.ToLower: where the full
  // mapping gives more (İ gives i and a combining dot), the first is the simple mapping.
  const lower = (ch) => String.fromCodePoint(ch.toLowerCase().codePointAt(0));

  // isCJK is search.isCJK: the Han, Hiragana, Katakana and Hangul scripts, and the whole of
  // the CJK Unified Ideographs, Hiragana, Katakana and Hangul Syllables blocks (the Go side
  // checks these ranges first, so the marks of the kana blocks, such as ー, count too) but
  // for the two punctuation marks of the Katakana block, ゠ and ・.
  const isCJK = (ch) => {
    const cp = ch.codePointAt(0);
    if (cp < 0x1100 || cp === 0x30a0 || cp === 0x30fb) return false;
    if ((cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3040 && cp <= 0x30ff) || (cp >= 0xac00 && cp <= 0xd7a3)) return true;
    return RE_CJK.test(ch);
  };
  const runes = (s) => Array.from(s).length;

  const hasVowel = (s) => /[aeiouy]/.test(s);
  // undouble drops the last of two equal final consonants, except l, s and z.
  const undouble = (s) => {
    const n = s.length;
    if (n >= 2 && s[n - 1] === s[n - 2] && !"aeiouylsz".includes(s[n - 1])) return s.slice(0, -1);
    return s;
  };

  // stem reduces an English word with the suffix rules of stem.go.
  const stem = (w) => {
    if (w.endsWith("'s")) w = w.slice(0, -2);
    if (w.endsWith("'")) w = w.slice(0, -1);
    w = w.replaceAll("'", "");
    if (w.length <= 3 || !/^[a-z]*$/.test(w)) return w;
    if (w.endsWith("ies") && w.length > 4) w = w.slice(0, -3) + "y";
    else if (w.endsWith("sses")) w = w.slice(0, -2);
    else if (w.endsWith("ss") || w.endsWith("us") || w.endsWith("is")) { /* kept */ }
    else if (w.endsWith("es") && (w.endsWith("shes") || w.endsWith("ches") || w.endsWith("xes"))) w = w.slice(0, -2);
    else if (w.endsWith("s")) w = w.slice(0, -1);
    if (w.endsWith("ing") && w.length > 5 && hasVowel(w.slice(0, -3))) w = undouble(w.slice(0, -3));
    else if (w.endsWith("ed") && w.length > 4 && hasVowel(w.slice(0, -2))) w = undouble(w.slice(0, -2));
    return w;
  };

  // scan is Tokenize with more to tell: each token also has start and end (UTF-16 offsets in
  // text, for marking), raw (a word as written, lower-cased, without apostrophes: what a
  // prefix is matched against) and cjk. fold (a Map, optional) gives the Simplified form of
  // the Traditional characters the index needs (meta.fold), as the build folds every one.
  const scan = (text, fold) => {
    const out = [];
    let pos = 0;
    let word = "", wordStart = 0, wordEnd = 0;
    let cjk = [];
    const flushWord = () => {
      if (!word) return;
      out.push({ term: stem(word), pos, start: wordStart, end: wordEnd, raw: word.replaceAll("'", ""), cjk: false });
      pos++;
      word = "";
    };
    const flushCJK = () => {
      for (let i = 0; i < cjk.length; i++) {
        const c = cjk[i];
        out.push({ term: c.ch, pos, start: c.start, end: c.end, raw: c.ch, cjk: true });
        if (i + 1 < cjk.length) {
          const d = cjk[i + 1];
          out.push({ term: c.ch + d.ch, pos, start: c.start, end: d.end, raw: c.ch + d.ch, cjk: true });
        }
        pos++;
      }
      cjk = [];
    };
    let at = 0;
    for (const original of String(text)) {
      const start = at;
      at += original.length;
      let cp = original.codePointAt(0);
      if (cp < 0x80) {
        // ASCII fast path: the same classes as below, without regular expressions.
        if ((cp >= 0x61 && cp <= 0x7a) || (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a)) {
          flushCJK();
          if (!word) wordStart = start;
          word += cp <= 0x5a && cp >= 0x41 ? String.fromCharCode(cp + 32) : original;
          wordEnd = at;
        } else if (cp === 0x27) {
          if (word) {
            word += "'";
            wordEnd = at;
          }
        } else {
          flushWord();
          flushCJK();
        }
        continue;
      }
      cp = foldWidth(cp);
      let ch = String.fromCodePoint(cp);
      if (fold && fold.has(ch)) ch = fold.get(ch);
      if (isCJK(ch)) {
        flushWord();
        cjk.push({ ch, start, end: at });
      } else if (RE_WORD.test(ch)) {
        flushCJK();
        if (!word) wordStart = start;
        word += lower(ch);
        wordEnd = at;
      } else if (cp === 0x27 || cp === 0x2019) {
        // Apostrophes join a word ("customer's"), and only a word.
        if (word) {
          word += "'";
          wordEnd = at;
        }
      } else {
        flushWord();
        flushCJK();
      }
    }
    flushWord();
    flushCJK();
    return out;
  };

  // tokenize returns the index terms of text with their positions, as search.Tokenize.
  const tokenize = (text, fold) => scan(text, fold).map((t) => ({ term: t.term, pos: t.pos }));

  // queryTokens returns the tokens of a query that count, as search.QueryTerms: a single CJK
  // character only when it is a run of one.
  const queryTokens = (query, fold) => {
    const toks = scan(query, fold);
    return toks.filter((t, i) => {
      if (runes(t.term) === 1 && isCJK(t.term)) {
        const next = i + 1 < toks.length && toks[i + 1].pos === t.pos;
        const prev = i > 0 && toks[i - 1].pos === t.pos - 1 && runes(toks[i - 1].term) === 2 && isCJK(toks[i - 1].term);
        if (next || prev) return false;
      }
      return true;
    });
  };

  // queryTerms returns the terms a query must match, as search.QueryTerms.
  const queryTerms = (query, fold) => queryTokens(query, fold).map((t) => t.term);

  // parseQuery turns a query into its distinct terms in query order, each with its position
  // in the query (for the phrase bonus), and the prefix of the word being typed: the last
  // word when it is Latin and nothing follows it, so that "custo" can complete to customer.
  const parseQuery = (query, fold) => {
    const q = String(query || "");
    const toks = queryTokens(q, fold);
    const stopAt = stopRanges(q);
    const isStop = (t) => (t.cjk ? stopAt.some(([s, e]) => t.start < e && s < t.end) : STOP_WORDS.has(t.raw));
    const terms = [];
    const seen = new Set();
    for (const t of toks) {
      if (seen.has(t.term)) continue;
      seen.add(t.term);
      terms.push({ term: t.term, qpos: t.pos, cjk: t.cjk, optional: isStop(t) });
    }
    // A query of stop words only ("how to") needs them all.
    if (terms.every((t) => t.optional)) for (const t of terms) t.optional = false;
    let prefix = "";
    const last = toks[toks.length - 1];
    if (last && !last.cjk && last.end === q.length && runes(last.raw) >= MIN_PREFIX) prefix = last.raw;
    return { terms, prefix, prefixTerm: prefix ? last.term : "" };
  };

  // stopRanges returns the UTF-16 ranges of the Chinese stop words of a query.
  const stopRanges = (q) => {
    const out = [];
    for (const w of STOP_CJK) {
      for (let i = q.indexOf(w); i >= 0; i = q.indexOf(w, i + 1)) out.push([i, i + w.length]);
    }
    return out;
  };

  const encoder = new TextEncoder();
  // shardOf returns the shard of a term: FNV-1a (32-bit) of its UTF-8 bytes, modulo shards.
  const shardOf = (term, shards) => {
    let h = 0x811c9dc5;
    for (const b of encoder.encode(term)) {
      h ^= b;
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h % shards;
  };

  // decodePostings reads a term's flat array [df, doc, tf, npos, pos..., ..., bitmap?] into
  // { df, docs, tfs, offs, flat, bits }: the positions of posting k are flat[offs[k]] and
  // the npos numbers that follow, read by positionsOf. A term capped to its best postings
  // ends with the base64 bitmap of every document it is in (bits, decoded by bitsOf).
  const decodePostings = (flat) => {
    if (!Array.isArray(flat) || flat.length < 1) return null;
    const docs = [], tfs = [], offs = [];
    let doc = 0;
    const end = typeof flat[flat.length - 1] === "string" ? flat.length - 1 : flat.length;
    for (let i = 1; i + 2 < end;) {
      const np = flat[i + 2];
      doc += flat[i]; // document numbers are stored as gaps
      docs.push(doc);
      tfs.push(flat[i + 1]);
      offs.push(i + 2);
      i += 3 + np;
    }
    return { df: flat[0], docs, tfs, offs, flat, bits: end < flat.length ? flat[end] : null };
  };

  // bitsOf returns the bitmap of a capped term's documents as bytes, decoded once.
  const bitsOf = (p) => {
    if (typeof p.bits === "string") {
      const raw = atob(p.bits);
      const b = new Uint8Array(raw.length);
      for (let i = 0; i < raw.length; i++) b[i] = raw.charCodeAt(i);
      p.bits = b;
    }
    return p.bits;
  };
  const hasBit = (b, d) => ((b[d >> 3] >> (d & 7)) & 1) === 1;

  const positionsOf = (p, k) => {
    const at = p.offs[k];
    return p.flat.slice(at + 1, at + 1 + p.flat[at]);
  };

  // idf is the BM25 inverse document frequency of a term in n documents.
  const idf = (n, df) => Math.log(1 + (n - df + 0.5) / (df + 0.5));

  // lowerBound returns the index of the first string of sorted that is >= s.
  const lowerBound = (sorted, s) => {
    let lo = 0, hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid] < s) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  // expand returns up to limit terms of sorted (an array of terms in code-unit order) that
  // start with one of prefixes, other than the exact term, the most frequent first (dfOf
  // gives a term's document frequency; ties in term order).
  const expand = (prefixes, sorted, dfOf, exact, limit = 8) => {
    const found = new Set();
    for (const p of prefixes) {
      if (!p) continue;
      for (let i = lowerBound(sorted, p); i < sorted.length && sorted[i].startsWith(p); i++) {
        if (sorted[i] !== exact) found.add(sorted[i]);
      }
    }
    return Array.from(found)
      .map((term) => ({ term, df: dfOf(term) }))
      .sort((a, b) => b.df - a.df || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0))
      .slice(0, limit)
      .map((x) => x.term);
  };

  // phraseAt reports whether the groups' positions hold the query's words in query order:
  // some p with p + (qpos_i - qpos_0) among the positions of every group i.
  const isPhrase = (lists, offsets) => {
    for (const p of lists[0]) {
      if (offsets.every((d, i) => i === 0 || lists[i].includes(p + d))) return true;
    }
    return false;
  };

  // nearestSpan returns the smallest distance between the first and last of a set of
  // positions, one from each list, all in the same field; Infinity when there is none.
  const nearestSpan = (lists, fieldGap) => {
    const all = [];
    lists.forEach((l, g) => { for (const p of l) all.push([p, g]); });
    all.sort((a, b) => a[0] - b[0]);
    const count = new Array(lists.length).fill(0);
    let have = 0, best = Infinity, lo = 0;
    for (let hi = 0; hi < all.length; hi++) {
      if (count[all[hi][1]]++ === 0) have++;
      while (have === lists.length) {
        const span = all[hi][0] - all[lo][0];
        if (span < best && Math.floor(all[hi][0] / fieldGap) === Math.floor(all[lo][0] / fieldGap)) best = span;
        if (--count[all[lo][1]] === 0) have--;
        lo++;
      }
    }
    return best;
  };

  // scoreGroup gathers one group's scores: score[d] from the postings kept, and for each
  // capped term its bitmap with the score of a document it has but whose posting was not
  // kept (the term's lowest kept tf: the index keeps the best). at(d) is the group's score
  // of document d (0 when d lacks it); members() lists its documents.
  const scoreGroup = (n, g) => {
    const score = new Float64Array(n);
    const docs = [], lists = [], caps = [];
    let best = 0, size = 0;
    for (const t of g.terms) {
      const p = t.postings;
      if (!p) continue;
      const w = t.weight ?? 1;
      const f = t.idf ?? idf(n, p.df);
      best = Math.max(best, f * w);
      size += p.df;
      lists.push(p);
      let low = Infinity;
      for (let k = 0; k < p.docs.length; k++) {
        const d = p.docs[k];
        if (d < 0 || d >= n) continue;
        const tf = p.tfs[k];
        if (tf < low) low = tf;
        const sc = (w * f * tf) / (K1 + tf);
        if (score[d] === 0) docs.push(d);
        if (sc > score[d]) score[d] = sc;
      }
      if (p.bits) caps.push({ bits: bitsOf(p), floor: low === Infinity ? 0 : (w * f * low) / (K1 + low) });
    }
    // full adds to score the documents only the bitmaps have, at their floor, and members
    // lists them all in document order: one pass over the bitmaps, then array reads.
    let full = score, all = docs;
    if (caps.length) {
      full = Float64Array.from(score);
      for (const c of caps) {
        for (let i = 0; i < c.bits.length; i++) {
          const byte = c.bits[i];
          if (byte === 0) continue;
          for (let b = 0; b < 8; b++) {
            const d = i * 8 + b;
            if (byte & (1 << b) && d < n && full[d] < (c.floor || 1e-9)) full[d] = c.floor || 1e-9;
          }
        }
      }
      all = null;
    }
    const at = (d) => full[d];
    const members = () => {
      if (!all) {
        all = [];
        for (let d = 0; d < n; d++) if (full[d] > 0) all.push(d);
      }
      return all;
    };
    return { qpos: g.qpos, optional: !!g.optional, score, at, members, size, docs, lists, idf: best };
  };

  // rank scores the documents of n that match the query's groups. A group is one query term
  // with its postings, or a word with its completions or corrections:
  //   { qpos, optional, terms: [{ term, weight, idf, postings }] }  (postings from
  //   decodePostings, or null; idf defaults to the term's own)
  // A document's score is the sum over groups of the group's best idf * tf / (K1 + tf) *
  // weight, plus PHRASE (or NEAR, scaled by closeness) times the summed idf when the words
  // stand together. Every group that is not optional must match ("and"; optional groups, the
  // stop words of a longer query, only add to the score); when no document has them all and
  // there are several groups, any group may ("or"). Results come best first, ties in site
  // order. The documents matched are exactly those that have the words, capped terms
  // included (their bitmaps); the cap only shortens the scoring.
  const rank = (n, groups, fieldGap = 1000) => {
    // Scores go into arrays indexed by document number: no object per posting, so the first
    // query of a cold page stays fast.
    const gs = groups.map((g) => scoreGroup(n, g));
    if (gs.length === 0) return { mode: "none", results: [] };
    let required = gs.filter((g) => !g.optional);
    if (required.length === 0) required = gs;
    const extra = gs.filter((g) => !required.includes(g));
    // positions gathers a document's positions in a group, from every term of the group.
    const positions = (g, doc) => {
      const out = [];
      for (const p of g.lists) {
        const k = indexOf(p.docs, doc);
        if (k >= 0) for (const x of positionsOf(p, k)) out.push(x);
      }
      return out;
    };
    const bySize = required.slice().sort((a, b) => a.size - b.size);
    const results = [];
    const ordered = gs.slice().sort((a, b) => a.qpos - b.qpos);
    for (const doc of bySize[0].members()) {
      let score = bySize[0].at(doc);
      let all = score > 0;
      for (let i = 1; all && i < bySize.length; i++) {
        const s = bySize[i].at(doc);
        if (s === 0) all = false;
        score += s;
      }
      if (!all) continue;
      for (const g of extra) score += g.score[doc];
      if (gs.length > 1) score += closeness(ordered, doc, positions, fieldGap);
      results.push({ doc, score });
    }
    let mode = "and";
    if (results.length === 0 && required.length > 1) {
      mode = "or";
      const sum = new Float64Array(n);
      const seen = [];
      for (const g of required) {
        for (const doc of g.members()) {
          if (sum[doc] === 0) seen.push(doc);
          sum[doc] += g.at(doc);
        }
      }
      for (const doc of seen) results.push({ doc, score: sum[doc] });
    }
    if (results.length === 0) mode = "none";
    return { mode, results: byScore(results) };
  };

  // byScore sorts results best first, ties in site order. A very common word matches most of
  // the site (its bitmap): tens of thousands of results, so they are sorted as numbers, not as
  // objects with a comparison function: each key packs the score (relative to the best, to
  // one part in 2^27) above the result's place in document order, and a typed array sorts
  // natively.
  const byScore = (results) => {
    const n = results.length;
    if (n < 2000) return results.sort((a, b) => b.score - a.score || a.doc - b.doc);
    let ordered = true, top = 0;
    for (let i = 0; i < n; i++) {
      if (i > 0 && results[i].doc < results[i - 1].doc) ordered = false;
      if (results[i].score > top) top = results[i].score;
    }
    if (!ordered) results.sort((a, b) => a.doc - b.doc);
    const PLACES = 2 ** 25, scale = top > 0 ? 2 ** 27 / top : 0, keys = new Float64Array(n);
    for (let i = 0; i < n; i++) keys[i] = Math.round(results[i].score * scale) * PLACES + (PLACES - 1 - i);
    keys.sort();
    const out = new Array(n);
    for (let i = 0; i < n; i++) out[i] = results[PLACES - 1 - (keys[n - 1 - i] % PLACES)];
    return out;
  };

  // closeness is the phrase or proximity bonus of a document: over the groups (in query
  // order) whose positions it has, PHRASE times their summed idf when they stand as in the
  // query, else NEAR scaled by how close they stand.
  const closeness = (ordered, doc, positions, fieldGap) => {
    // Positions come with the postings kept: a document that fewer than two groups keep (one
    // matched through a capped term's bitmap) has no bonus to find.
    let kept = 0;
    for (const g of ordered) if (g.score[doc] > 0 && ++kept === 2) break;
    if (kept < 2) return 0;
    const present = [], lists = [];
    for (const g of ordered) {
      const l = positions(g, doc);
      if (l.length) { present.push(g); lists.push(l); }
    }
    if (present.length < 2) return 0;
    const offsets = present.map((g) => g.qpos - present[0].qpos);
    const sumIdf = present.reduce((a, g) => a + g.idf, 0);
    if (isPhrase(lists, offsets)) return PHRASE * sumIdf;
    const span = offsets[offsets.length - 1];
    const near = nearestSpan(lists, fieldGap);
    return near <= span + NEAR_SLACK ? (NEAR * sumIdf * (span + 1)) / (near + 1) : 0;
  };

  // indexOf finds doc in the ascending list docs by binary search; -1 when absent.
  const indexOf = (docs, doc) => {
    let lo = 0, hi = docs.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (docs[mid] === doc) return mid;
      if (docs[mid] < doc) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  };

  // matcher returns a test of scanned tokens: is the token one of terms, or a Latin word that
  // starts with one of prefixes?
  const matcher = (terms, prefixes = [], fold = null) => {
    const set = new Set(terms);
    const ps = prefixes.filter(Boolean);
    const match = (tok) => set.has(tok.term) || (!tok.cjk && ps.some((p) => tok.raw.startsWith(p) || tok.term.startsWith(p)));
    match.fold = fold;
    return match;
  };

  // foldMap reads meta.fold, Traditional characters each followed by its Simplified form.
  const foldMap = (pairs) => {
    const m = new Map();
    const rs = Array.from(String(pairs || ""));
    for (let i = 0; i + 1 < rs.length; i += 2) m.set(rs[i], rs[i + 1]);
    return m;
  };

  // marks returns the ranges [start, end) of text that match, merged where they overlap or
  // touch (the bigrams of one CJK run become one range).
  const marks = (text, match) => {
    const ranges = [];
    for (const tok of scan(text, match.fold)) {
      if (!match(tok)) continue;
      const last = ranges[ranges.length - 1];
      if (last && tok.start <= last[1]) last[1] = Math.max(last[1], tok.end);
      else ranges.push([tok.start, tok.end]);
    }
    return ranges;
  };

  // segments cuts text[from, to) into [text, marked] pieces along ranges.
  const segments = (text, ranges, from = 0, to = text.length) => {
    const out = [];
    let at = from;
    for (const [s0, e0] of ranges) {
      const s = Math.max(s0, from), e = Math.min(e0, to);
      if (e <= s) continue;
      if (s > at) out.push([text.slice(at, s), false]);
      out.push([text.slice(s, e), true]);
      at = e;
    }
    if (at < to) out.push([text.slice(at, to), false]);
    return out;
  };

  // highlight returns the whole text as [text, marked] pieces.
  const highlight = (text, match) => segments(String(text || ""), marks(String(text || ""), match));

  const isLow = (text, i) => i > 0 && i < text.length && text.charCodeAt(i) >= 0xdc00 && text.charCodeAt(i) <= 0xdfff;

  // snippet returns about width characters of text around its first match as [text, marked]
  // pieces, with an ellipsis where text was cut; from the start when nothing matches. Cuts
  // fall on spaces where a space is near.
  const snippet = (text, match, width = 160) => {
    text = String(text || "").replace(/\s+/g, " ").trim();
    const ranges = marks(text, match);
    if (text.length <= width) return segments(text, ranges);
    let start = 0;
    if (ranges.length) {
      const [s, e] = ranges[0];
      start = Math.max(0, Math.min(s - Math.floor((width - (e - s)) / 2), text.length - width));
      if (start > 0) {
        const sp = text.indexOf(" ", start - 1);
        if (sp >= 0 && sp < s && sp - start < 20) start = sp + 1;
      }
    }
    let end = Math.min(text.length, start + width);
    if (end < text.length) {
      const sp = text.lastIndexOf(" ", end);
      const first = ranges.length ? ranges[0][1] : 0;
      if (sp > first && end - sp < 20) end = sp;
    }
    if (isLow(text, start)) start--;
    if (isLow(text, end)) end++;
    const out = segments(text, ranges, start, end);
    if (start > 0) out.unshift(["…", false]);
    if (end < text.length) out.push(["…", false]);
    return out;
  };

  // editDistance returns the optimal-string-alignment distance of a and b (insertions,
  // deletions, substitutions and swaps of two neighbours), or max + 1 once it is over max.
  const editDistance = (a, b, max) => {
    const A = Array.from(a), B = Array.from(b);
    if (Math.abs(A.length - B.length) > max) return max + 1;
    let prev2 = null, prev = Array.from({ length: B.length + 1 }, (_, j) => j);
    for (let i = 1; i <= A.length; i++) {
      const cur = [i];
      let low = i;
      for (let j = 1; j <= B.length; j++) {
        let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (A[i - 1] === B[j - 1] ? 0 : 1));
        if (prev2 && i > 1 && j > 1 && A[i - 1] === B[j - 2] && A[i - 2] === B[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
        cur.push(d);
        low = Math.min(low, d);
      }
      if (low > max) return max + 1;
      prev2 = prev;
      prev = cur;
    }
    return prev[B.length];
  };

  // typoDistance is how far a word may be from its correction: 1 from four letters, 2 from
  // eight; shorter words are not corrected.
  const typoDistance = (word) => (runes(word) >= 8 ? 2 : runes(word) >= 4 ? 1 : 0);

  // typoKeys returns the first two letters under which the vocabulary files may hold the
  // corrections of word: its own, and those of a word with one of its first three letters
  // dropped or its first two swapped.
  const typoKeys = (word) => {
    const w = Array.from(word);
    return Array.from(new Set([w[0] + w[1], w[0] + w[2], w[1] + w[2], w[1] + w[0]].filter((k) => k && !k.includes("undefined"))));
  };

  // nearest returns the term of terms nearest to word within typoDistance(word), the most
  // frequent (dfOf) among the nearest, or "" when there is none. Only Latin terms count.
  const nearest = (word, terms, dfOf) => {
    const max = typoDistance(word);
    if (max === 0) return "";
    let best = "", bestD = max + 1, bestDf = -1;
    for (const t of terms) {
      if (t === word || isCJK(t) || Math.abs(t.length - word.length) > max) continue;
      const d = editDistance(word, t, max);
      const df = d <= max ? dfOf(t) : 0;
      if (d < bestD || (d === bestD && d <= max && df > bestDf)) [best, bestD, bestDf] = [t, d, df];
    }
    return bestD <= max ? best : "";
  };

  // synonymQueries returns the queries that say query with one of its phrases replaced by a
  // synonym: synonyms is a list of sets of phrases that mean the same (meta.synonyms), and a
  // phrase is in the query when its terms are, in order and together.
  const synonymQueries = (query, synonyms, fold) => {
    if (!Array.isArray(synonyms)) return [];
    const q = String(query || "");
    const qterms = queryTerms(q, fold).join(" ");
    const out = [];
    for (const set of synonyms) {
      for (const phrase of set) {
        const pt = queryTerms(phrase, fold).join(" ");
        if (!pt || !(" " + qterms + " ").includes(" " + pt + " ")) continue;
        const lower = q.toLowerCase();
        const at = lower.indexOf(phrase.toLowerCase());
        for (const other of set) {
          if (other === phrase) continue;
          out.push(at >= 0 ? q.slice(0, at) + other + q.slice(at + phrase.length) : q + " " + other);
        }
        break;
      }
    }
    return Array.from(new Set(out)).slice(0, 6);
  };

  Playbook.searchCore = {
    VERSION, K1, PHRASE, STOP_WORDS, NEAR, PREFIX_WEIGHT, MIN_PREFIX,
    stem, scan, tokenize, foldMap, queryTokens, queryTerms, parseQuery, shardOf, isCJK,
    editDistance, typoKeys, nearest, synonymQueries, decodePostings, positionsOf, idf, expand, rank, matcher, marks, highlight, snippet,
  };
})();
