package th.phakhi.network;

/**
 * A network's basic information, as created or edited.
 *
 * @param provinceCode required when the scope is provincial, ignored otherwise
 */
public record NetworkForm(String nameTh, String nameEn, NetworkScope scope, String provinceCode, String description,
                          NetworkVisibility visibility) {
}
