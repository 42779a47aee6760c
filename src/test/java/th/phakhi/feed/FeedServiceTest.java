package th.phakhi.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;
import th.phakhi.feed.internal.FeedDocument;
import th.phakhi.network.NetworkId;
import th.phakhi.network.NetworkService;
import th.phakhi.security.AccountService;
import th.phakhi.security.SystemRunner;
import th.phakhi.support.TestUsers;

/** The updates feed: members post, others cannot read or post, events of the platform appear, pages go back in time. */
@SpringBootTest(properties = "phakhi.test.context=feed")
@ActiveProfiles("test")
class FeedServiceTest {

    @Autowired
    FeedService feed;
    @Autowired
    NetworkService networks;
    @Autowired
    AccountService accounts;
    @Autowired
    MongoTemplate mongo;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    private NetworkId chiangMai() {
        return SystemRunner.call(() -> networks.browse(null, null)).stream()
                .filter(n -> n.nameTh().equals("เครือข่ายผู้บริหารองค์กรปกครองส่วนท้องถิ่นจังหวัดเชียงใหม่"))
                .findFirst().orElseThrow().id();
    }

    @Test
    void membersPostAndReadNonMembersDoNot() {
        NetworkId network = chiangMai();
        TestUsers.signInAs(accounts, "anucha");
        FeedItem item = feed.post(network, "ออนใต้เปิดตลาดชุมชนทุกวันเสาร์", "https://example.org/market");
        assertThat(item.authorName()).isEqualTo("นายอนุชา ปัญญาดี");
        assertThat(feed.items(network, null, 5)).extracting(FeedItem::text).contains("ออนใต้เปิดตลาดชุมชนทุกวันเสาร์");
        assertThatThrownBy(() -> feed.post(network, "  ", null)).hasMessageContaining("validation.required");
        assertThatThrownBy(() -> feed.post(network, "x", "javascript:alert(1)")).hasMessageContaining("validation.link");
        TestUsers.signInAs(accounts, "rattana");
        assertThatThrownBy(() -> feed.items(network, null, 5)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> feed.post(network, "แอบโพสต์", null)).isInstanceOf(AccessDeniedException.class);
        TestUsers.signOut();
        assertThatThrownBy(() -> feed.items(network, null, 5)).isInstanceOf(Exception.class);
    }

    @Test
    void eventsOfThePlatformAppearAndPagesGoBackInTime() {
        NetworkId network = chiangMai();
        TestUsers.signInAs(accounts, "nattaya");
        List<FeedItem> all = feed.items(network, null, 100);
        assertThat(all).extracting(FeedItem::kind).contains(FeedItem.Kind.MEMBER_JOINED, FeedItem.Kind.GROUP_CREATED,
                FeedItem.Kind.ANNOUNCEMENT, FeedItem.Kind.POST);
        List<FeedItem> first = feed.items(network, null, 3);
        List<FeedItem> next = feed.items(network, first.getLast(), 3);
        assertThat(next).allMatch(i -> !i.at().isAfter(first.getLast().at()));
        assertThat(first).extracting(FeedItem::id).doesNotContainAnyElementsOf(next.stream().map(FeedItem::id).toList());
    }

    @Test
    void pagingSkipsNothingWhenManyItemsShareAnInstant() {
        NetworkId network = chiangMai();
        Instant same = Instant.parse("2026-01-15T03:00:00Z");
        for (int i = 0; i < 7; i++) {
            FeedDocument doc = new FeedDocument();
            doc.networkId = network.value();
            doc.kind = FeedItem.Kind.POST;
            doc.authorName = "ทดสอบ";
            doc.organizationName = "ทดสอบ";
            doc.text = "พร้อมกัน " + i;
            doc.at = same;
            mongo.insert(doc);
        }
        TestUsers.signInAs(accounts, "nattaya");
        List<FeedItem> all = feed.items(network, null, 100);
        List<FeedItem> paged = new ArrayList<>();
        List<FeedItem> page = feed.items(network, null, 2);
        while (!page.isEmpty()) {
            paged.addAll(page);
            page = feed.items(network, page.getLast(), 2);
        }
        assertThat(paged).extracting(FeedItem::id).containsExactlyElementsOf(all.stream().map(FeedItem::id).toList());
        assertThat(paged).extracting(FeedItem::text).contains("พร้อมกัน 0", "พร้อมกัน 6");
    }
}
