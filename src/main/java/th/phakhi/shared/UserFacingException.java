package th.phakhi.shared;

import java.io.Serial;
import java.util.Arrays;

/**
 * A refusal or validation failure the user should read: carries a translation key and its
 * parameters instead of a text, so every view shows it in the user's language.
 */
public class UserFacingException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String messageKey;
    private final transient Object[] params;

    public UserFacingException(String messageKey, Object... params) {
        super(messageKey + (params.length == 0 ? "" : " " + Arrays.toString(params)));
        this.messageKey = messageKey;
        this.params = params.clone();
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] params() {
        return params == null ? new Object[0] : params.clone();
    }
}
