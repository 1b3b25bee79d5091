import { createInstance } from "i18next";
import FetchBackend from "i18next-fetch-backend";
import { initReactI18next } from "react-i18next";
import { environment } from "./environment";

type Message = { key: string; value: string };

/** The admin console's messages (Keycloak's and this theme's), served by Keycloak for the login realm. */
export const i18n = createInstance({
  fallbackLng: "en",
  interpolation: { escapeValue: false },
  backend: {
    loadPath: `${environment.adminBaseUrl}/resources/${environment.realm}/admin/{{lng}}`,
    parse: (data: string) =>
      Object.fromEntries((JSON.parse(data) as Message[]).map(({ key, value }) => [key, value])),
  },
});

i18n.use(FetchBackend);
i18n.use(initReactI18next);
