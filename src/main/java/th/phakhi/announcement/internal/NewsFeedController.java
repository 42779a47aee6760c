package th.phakhi.announcement.internal;

import java.io.StringWriter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import th.phakhi.announcement.Announcement;
import th.phakhi.announcement.AnnouncementService;
import th.phakhi.network.NetworkId;

/** The Atom feed of a network's public news ({@code /news/{networkId}/feed.atom}), open to anyone. */
@RestController
class NewsFeedController {

    private final AnnouncementService announcements;
    private final String baseUrl;

    NewsFeedController(AnnouncementService announcements, @Value("${phakhi.base-url:http://localhost:8080}") String baseUrl) {
        this.announcements = announcements;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
    }

    @GetMapping(value = "/news/{networkId}/feed.atom", produces = "application/atom+xml;charset=UTF-8")
    ResponseEntity<String> feed(@PathVariable String networkId) throws XMLStreamException {
        Optional<AnnouncementService.PublicNews> news = announcements.publicNews(new NetworkId(networkId));
        if (news.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        AnnouncementService.PublicNews n = news.get();
        StringWriter out = new StringWriter();
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeStartElement("feed");
        xml.writeDefaultNamespace("http://www.w3.org/2005/Atom");
        String page = baseUrl + "news/" + networkId;
        element(xml, "id", page);
        element(xml, "title", n.nameTh());
        element(xml, "updated", format(n.items().isEmpty() ? Instant.EPOCH : n.items().getFirst().publishAt()));
        link(xml, page, "alternate");
        link(xml, page + "/feed.atom", "self");
        for (Announcement a : n.items()) {
            xml.writeStartElement("entry");
            element(xml, "id", page + "#" + a.id().value());
            element(xml, "title", a.title());
            element(xml, "updated", format(a.editedAt() == null ? a.publishAt() : a.editedAt()));
            element(xml, "published", format(a.publishAt()));
            xml.writeStartElement("author");
            element(xml, "name", n.nameTh());
            xml.writeEndElement();
            link(xml, page + "#news-" + a.id().value(), "alternate");
            xml.writeStartElement("content");
            xml.writeAttribute("type", "html");
            xml.writeCharacters(a.html());
            xml.writeEndElement();
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.close();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/atom+xml;charset=UTF-8"))
                .body(out.toString());
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text == null ? "" : text);
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String href, String rel) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("href", href);
        xml.writeAttribute("rel", rel);
    }

    private static String format(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
