package th.phakhi.security.ui;

/** Where the sign-in page lives; security configuration points here. */
public final class LoginViewRoute {
    public static final String PATH = "/login";

    private LoginViewRoute() {
    }
}
