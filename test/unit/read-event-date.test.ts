import { describe, expect, it } from "vitest";
import { readEventDate } from "@/lib/import/read-event-date";
import { readEventDetails } from "@/lib/import/read-event-details";

const posted = new Date("2022-04-01T08:00:00Z");
const read = (text: string, zone = "Europe/Paris") => {
  const date = readEventDate(text, posted, zone);
  return (
    date && {
      start: date.startsAt.toISOString(),
      end: date.endsAt.toISOString(),
      language: date.language,
      timeMissing: date.timeMissing,
      yearGuessed: date.yearGuessed,
    }
  );
};

describe("reading an event's date from its announcement", () => {
  it.each([
    ["Le 28 septembre de 8h à 10h au 224 rue Saint Denis", "2022-09-28T06:00:00.000Z", "2022-09-28T08:00:00.000Z", "fr"],
    ["Jeudi 3 octobre 2019, 12h–13h, en ligne", "2019-10-03T10:00:00.000Z", "2019-10-03T11:00:00.000Z", "fr"],
    ["Le 14 mai de 18 à 20h", "2022-05-14T16:00:00.000Z", "2022-05-14T18:00:00.000Z", "fr"],
    ["Le 1er juin à 18 h 30", "2022-06-01T16:30:00.000Z", "2022-06-01T18:30:00.000Z", "fr"],
    ["mar. 14 mai à 19h", "2022-05-14T17:00:00.000Z", "2022-05-14T19:00:00.000Z", "fr"],
    ["Saturday 21 May, 10am–12:30pm", "2022-05-21T08:00:00.000Z", "2022-05-21T10:30:00.000Z", "en"],
    ["Saturday 21 May, 10–11am", "2022-05-21T08:00:00.000Z", "2022-05-21T09:00:00.000Z", "en"],
    ["On May 21st, 7-9pm", "2022-05-21T17:00:00.000Z", "2022-05-21T19:00:00.000Z", "en"],
    ["On 21 May 11–1pm", "2022-05-21T09:00:00.000Z", "2022-05-21T11:00:00.000Z", "en"],
    ["On 21 May at 18:30", "2022-05-21T16:30:00.000Z", "2022-05-21T18:30:00.000Z", "en"],
  ])("%s", (text, start, end, language) => {
    expect(read(text)).toEqual({ start, end, language, timeMissing: false, yearGuessed: false });
  });

  it("a day without an hour, a day already past when the post was written, and no day at all are told apart", () => {
    expect(read("Assemblée générale du 6 avril 2024")).toMatchObject({ timeMissing: true });
    // Written on 1 April 2022 about "2 February": next year's, but that is a guess.
    expect(read("Le 2 février à 19h")).toMatchObject({ start: "2023-02-02T18:00:00.000Z", yearGuessed: true });
    expect(read("Date à confirmer.")).toBeNull();
    expect(read("Le 31 février à 19h")).toBeNull();
  });

  it("reads the place and the hosts after the date", () => {
    const text =
      "Le 14 mars de 18h30 à 20h30, à la Maison des associations, 18 rue Ramponeau, 75020 Paris.\nAnimé par Claire Dubois (juriste) et Karim Benali.";
    const date = readEventDate(text, posted, "Europe/Paris")!;
    expect(readEventDetails(text, date.index + date.length)).toEqual({
      venueName: "Maison des associations",
      venueAddress: "18 rue Ramponeau, 75020 Paris",
      hostNames: ["Claire Dubois", "Karim Benali"],
    });
    expect(readEventDetails("Jeudi 3 octobre 2019, 12h–13h, en ligne.", 20).venueName).toBe("En ligne");
  });
});
