import { createInstance, type LanguageDetectorModule } from "i18next";
import FetchBackend from "i18next-fetch-backend";
import { initReactI18next } from "react-i18next";
import { environment, serverBaseUrl } from "./environment";

type Message = { key: string; value: string };

/** The language Keycloak chose for the page. */
const keycloakLanguage: LanguageDetectorModule = { type: "languageDetector", detect: () => environment.locale };

/** The account console's messages (Keycloak's and this theme's), served by Keycloak for the realm. */
export const i18n = createInstance({
  fallbackLng: "en",
  interpolation: { escapeValue: false },
  backend: {
    loadPath: `${serverBaseUrl}/resources/${environment.realm}/account/{{lng}}`,
    parse: (data: string) =>
      Object.fromEntries((JSON.parse(data) as Message[]).map(({ key, value }) => [key, value])),
  },
});

i18n.use(FetchBackend);
i18n.use(keycloakLanguage);
i18n.use(initReactI18next);
