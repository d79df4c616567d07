package dev.waitwell.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

class ApiUsersTest {

    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    @Test
    void readsNamesPasswordsAndRoles() {
        List<UserDetails> users = ApiUsers.parse("admin:s3cret:ADMIN; shop:pw:STOREFRONT,OPS");

        assertThat(users).extracting(UserDetails::getUsername).containsExactly("admin", "shop");
        assertThat(users.get(1).getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_STOREFRONT", "ROLE_OPS");
        assertThat(encoder.matches("s3cret", users.get(0).getPassword())).isTrue();
    }

    @Test
    void keepsEncodedPasswordsAsTheyAre() {
        String hash = encoder.encode("hashed");
        UserDetails user = ApiUsers.parse("ops:" + hash + ":OPS").get(0);

        assertThat(hash).startsWith("{bcrypt}");
        assertThat(user.getPassword()).isEqualTo(hash);
        assertThat(encoder.matches("hashed", user.getPassword())).isTrue();
    }

    @Test
    void refusesToRunWithoutUsersWithAMessageSayingWhatToSet() {
        assertThatThrownBy(() -> ApiUsers.parse(""))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("WAITWELL_SECURITY_USERS");
        assertThatThrownBy(() -> ApiUsers.parse(null)).hasMessageContaining("waitwell.security.users");
    }

    @Test
    void refusesUnknownRolesAndMalformedEntries() {
        assertThatThrownBy(() -> ApiUsers.parse("bob:pw:ROOT")).hasMessageContaining("unknown role 'ROOT'");
        assertThatThrownBy(() -> ApiUsers.parse("bob-without-password")).hasMessageContaining("name:password:ROLE");
    }
}
