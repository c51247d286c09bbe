/**
 * Where and by whom, read from an announcement's text after its date: "…, à la Maison des associations, 18 rue
 * Ramponeau, 75020 Paris." gives the place "Maison des associations" at "18 rue Ramponeau, 75020 Paris"; "en
 * ligne" or "online" an online event; "Animé par Claire Dubois et Karim Benali" the hosts. What cannot be read stays
 * empty for a host to fill.
 */
export function readEventDetails(text: string, dateEnd: number): { venueName: string; venueAddress: string; hostNames: string[] } {
  const sentence = text.slice(dateEnd).split(/(?<=[.!?])\s|\n/)[0] ?? "";
  let venueName = "";
  let venueAddress = "";
  if (/\b(en ligne|online|visioconf[ée]rence|webinaire?)\b/i.test(sentence)) {
    venueName = /\ben ligne\b|visio|webinaire/i.test(sentence) ? "En ligne" : "Online";
  } else {
    // "at 7pm" or "à 19h" is an hour, not a place.
    const withoutHours = sentence.replace(/(?:^|[\s,;(])(?:at|à)\s+\d{1,2}(?:\s*h\s*\d{0,2}|:\d{2}(?:\s*[ap]\.?m\.?)?|\s*[ap]\.?m\.?)/gi, "");
    const place = /(?:^|[\s,;(])(?:à la|à l’|à l'|au|aux|chez|at the|at)\s+([^.;()]+)/i.exec(withoutHours);
    if (place) {
      const parts = place[1]
        .split(",")
        .map((part) => part.trim())
        .filter(Boolean);
      // "224 rue Saint-Denis…" is an address without a name: it names the place too.
      venueName = (parts[0] ?? "").replace(/\s+(?:de|from)\s+\d{1,2}\s*(?:h|:|am|pm).*$/i, "").slice(0, 200);
      venueAddress = parts.slice(1).join(", ").slice(0, 300);
    }
  }
  const hosts = /\b(?:anim[ée]e?s?|présentée?s?|hosted|led|presented)\s+(?:par|by)\s+([^.\n]+)/i.exec(text);
  const hostNames = hosts
    ? hosts[1]
        .split(/,|\bet\b|\band\b|&/)
        .map((name) => name.replace(/\(.*?\)/g, "").trim())
        .filter((name) => name.length > 1 && name.length <= 80)
        .slice(0, 10)
    : [];
  return { venueName, venueAddress, hostNames };
}
