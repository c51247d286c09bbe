"use client";

import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";

type Report = Partial<Record<"PENDING" | "CLAIMED" | "SENDING" | "SENT" | "FAILED" | "AMBIGUOUS", number>>;
const ORDER = ["SENT", "PENDING", "CLAIMED", "SENDING", "FAILED", "AMBIGUOUS"] as const;

/** Counts per delivery status and a progress bar, refreshed every second while anything is still queued. */
export function DeliveryProgress({ eventSlug, initial }: { eventSlug: string; initial: Report }) {
  const t = useTranslations("dashboard");
  const [report, setReport] = useState<Report>(initial);
  const inFlight = (report.PENDING ?? 0) + (report.CLAIMED ?? 0) + (report.SENDING ?? 0);
  const total = ORDER.reduce((sum, status) => sum + (report[status] ?? 0), 0);
  const done = total - inFlight;

  useEffect(() => {
    if (inFlight === 0) return;
    const timer = setInterval(async () => {
      const response = await fetch(`/api/dashboard/events/${eventSlug}/delivery`, { cache: "no-store" });
      if (response.ok) setReport((await response.json()).report);
    }, 1000);
    return () => clearInterval(timer);
  }, [eventSlug, inFlight]);

  if (total === 0) return null;
  return (
    <div>
      <progress className="delivery-progress" max={total} value={done} aria-label={t("delivery")}>
        {done}/{total}
      </progress>
      <ul className="delivery-report">
        {ORDER.filter((status) => report[status]).map((status) => (
          <li key={status}>
            {t(`mailStatus${status}`)} : {report[status]}
          </li>
        ))}
      </ul>
    </div>
  );
}
