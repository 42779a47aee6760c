package th.phakhi.shared;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.security.access.AccessDeniedException;
import th.phakhi.shared.i18n.Language;
import th.phakhi.shared.i18n.TranslationProvider;

/**
 * A refusal as API clients (STOMP and JSON) receive it: a stable {@code code} (the translation
 * key) for clients that translate themselves, and the text in Thai and English.
 */
public record ApiError(String code, String message, String messageEn) {

    public static ApiError of(String key, Object... params) {
        return new ApiError(key, TranslationProvider.translate(key, Language.TH.locale(), params),
                TranslationProvider.translate(key, Language.EN.locale(), params));
    }

    /** The error for what a service threw: its own message, "access denied", "database not answering", or "unexpected". */
    public static ApiError of(Exception e) {
        if (e instanceof UserFacingException u) {
            return of(u.messageKey(), u.params());
        }
        return of(e instanceof AccessDeniedException ? "error.accessDenied"
                : e instanceof DataAccessResourceFailureException ? "error.databaseUnavailable" : "error.unexpected");
    }
}
