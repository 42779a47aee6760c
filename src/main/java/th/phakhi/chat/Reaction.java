package th.phakhi.chat;

/** The reactions offered: a small set that reads the same on every phone. */
public enum Reaction {
    LIKE("👍"), LOVE("❤️"), THANKS("🙏"), LAUGH("😄"), CELEBRATE("🎉"), DONE("✅");

    private final String emoji;

    Reaction(String emoji) {
        this.emoji = emoji;
    }

    public String emoji() {
        return emoji;
    }
}
