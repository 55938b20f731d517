using Zoo.Core.Xml;

namespace Zoo.Core.Tests.Xml;

/// <summary>The shapes libxml2's xmlDocDumpFormatMemoryEnc(..., 1) writes, byte for byte.</summary>
public class XmlFormatterTests
{
    private static string Body(ElementNode root)
    {
        var document = XmlFormatter.Document(root, "utf-8");
        return document[(document.IndexOf('\n') + 1)..];
    }

    [Test]
    public void The_document_starts_with_the_declaration_line_naming_the_encoding()
    {
        Assert.That(XmlFormatter.Document(new ElementNode("a"), "UTF-8"), Does.StartWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"));
    }

    [Test]
    public void The_document_ends_with_a_newline_after_the_root()
    {
        Assert.That(XmlFormatter.Document(new ElementNode("a"), "utf-8"), Is.EqualTo("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<a/>\n"));
    }

    [Test]
    public void An_empty_element_is_self_closed_without_a_space()
    {
        Assert.That(Body(new ElementNode("a")), Is.EqualTo("<a/>\n"));
    }

    [Test]
    public void An_empty_element_with_attributes_is_self_closed()
    {
        Assert.That(Body(new ElementNode("ows:Get").Attr("xlink:href", "http://x/")), Is.EqualTo("<ows:Get xlink:href=\"http://x/\"/>\n"));
    }

    [Test]
    public void Attributes_are_written_in_the_order_they_were_added()
    {
        var root = new ElementNode("a").Attr("z", "1").Attr("b", "2").Attr("m", "3");

        Assert.That(Body(root), Is.EqualTo("<a z=\"1\" b=\"2\" m=\"3\"/>\n"));
    }

    [Test]
    public void Child_elements_are_indented_by_two_spaces_per_level()
    {
        var root = new ElementNode("a");
        root.Child("b").Child("c");
        root.Child("d");

        Assert.That(Body(root), Is.EqualTo("<a>\n  <b>\n    <c/>\n  </b>\n  <d/>\n</a>\n"));
    }

    [Test]
    public void An_element_with_text_is_written_on_one_line()
    {
        var root = new ElementNode("a").TextChild("b", "hello world");

        Assert.That(Body(root), Is.EqualTo("<a>\n  <b>hello world</b>\n</a>\n"));
    }

    [Test]
    public void Text_escapes_less_than_greater_than_and_ampersand()
    {
        Assert.That(Body(new ElementNode("a").Text("x<y>z&w")), Is.EqualTo("<a>x&lt;y&gt;z&amp;w</a>\n"));
    }

    [Test]
    public void Text_escapes_carriage_return_as_a_character_reference()
    {
        Assert.That(Body(new ElementNode("a").Text("x\ry")), Is.EqualTo("<a>x&#13;y</a>\n"));
    }

    [Test]
    public void Text_keeps_quotes_newlines_and_tabs()
    {
        Assert.That(Body(new ElementNode("a").Text("\"q\"\n\tz")), Is.EqualTo("<a>\"q\"\n\tz</a>\n"));
    }

    [Test]
    public void An_attribute_escapes_quote_less_than_and_ampersand()
    {
        Assert.That(Body(new ElementNode("a").Attr("v", "\"<&>")), Is.EqualTo("<a v=\"&quot;&lt;&amp;&gt;\"/>\n"));
    }

    [Test]
    public void An_attribute_escapes_newline_tab_and_carriage_return()
    {
        Assert.That(Body(new ElementNode("a").Attr("v", "x\ny\tz\rw")), Is.EqualTo("<a v=\"x&#10;y&#9;z&#13;w\"/>\n"));
    }

    [Test]
    public void An_attribute_keeps_an_apostrophe()
    {
        Assert.That(Body(new ElementNode("a").Attr("v", "it's")), Is.EqualTo("<a v=\"it's\"/>\n"));
    }

    [Test]
    public void Mixed_content_is_not_indented()
    {
        var root = new ElementNode("a").Text("before");
        root.Child("b").Child("c");
        root.Text("after");

        Assert.That(Body(root), Is.EqualTo("<a>before<b><c/></b>after</a>\n"));
    }

    [Test]
    public void Mixed_content_deep_inside_an_indented_tree_stays_unindented_below_it()
    {
        var root = new ElementNode("a");
        var mixed = root.Child("b").Text("t");
        mixed.Child("c").Child("d");

        Assert.That(Body(root), Is.EqualTo("<a>\n  <b>t<c><d/></c></b>\n</a>\n"));
    }

    [Test]
    public void A_comment_among_elements_is_indented_like_an_element()
    {
        var root = new ElementNode("a").Add(new CommentNode(" 50|working ")).Add(new ElementNode("b"));

        Assert.That(Body(root), Is.EqualTo("<a>\n  <!-- 50|working -->\n  <b/>\n</a>\n"));
    }

    [Test]
    public void A_comment_is_written_verbatim()
    {
        var root = new ElementNode("a").Add(new CommentNode("x < y & z"));

        Assert.That(Body(root), Is.EqualTo("<a>\n  <!--x < y & z-->\n</a>\n"));
    }

    [Test]
    public void Cdata_is_written_unescaped_and_not_indented()
    {
        var root = new ElementNode("a").Add(new CDataNode("<x>&</x>"));

        Assert.That(Body(root), Is.EqualTo("<a><![CDATA[<x>&</x>]]></a>\n"));
    }

    [Test]
    public void Non_ascii_text_is_written_as_is()
    {
        Assert.That(Body(new ElementNode("a").Text("Département ²θ")), Is.EqualTo("<a>Département ²θ</a>\n"));
    }
}
