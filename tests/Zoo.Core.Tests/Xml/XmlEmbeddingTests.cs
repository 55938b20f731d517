using Zoo.Core.Configuration;
using Zoo.Core.Xml;

namespace Zoo.Core.Tests.Xml;

public class XmlEmbeddingTests
{
    [Test]
    public void A_document_is_embedded_without_its_declaration()
    {
        Assert.That(XmlEmbedding.Fragment("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a>1</a>\n", Limits.Defaults), Is.EqualTo("<a>1</a>"));
    }

    [Test]
    public void Text_that_is_not_xml_is_not_embedded()
    {
        Assert.That(XmlEmbedding.Fragment("<a>1", Limits.Defaults), Is.Null);
    }

    [Test]
    public void Two_root_elements_are_not_embedded()
    {
        Assert.That(XmlEmbedding.Fragment("<a/><b/>", Limits.Defaults), Is.Null);
    }

    [Test]
    public void A_document_with_a_doctype_is_not_embedded()
    {
        Assert.That(XmlEmbedding.Fragment("<!DOCTYPE a [<!ENTITY e \"x\">]><a>&e;</a>", Limits.Defaults), Is.Null);
    }

    [Test]
    public void A_document_deeper_than_the_limit_is_not_embedded()
    {
        var deep = string.Concat(Enumerable.Repeat("<a>", 10)) + string.Concat(Enumerable.Repeat("</a>", 10));

        Assert.That(XmlEmbedding.Fragment(deep, Limits.Defaults with { MaxXmlDepth = 5 }), Is.Null);
    }

    [Test]
    public void Text_with_a_nul_in_its_first_bytes_is_not_embedded()
    {
        // The guard takes a NUL among the first bytes for UTF-16; the text then goes as text.
        Assert.That(XmlEmbedding.Fragment("<a>\0</a>", Limits.Defaults), Is.Null);
    }

    [Test]
    public void A_tag_longer_than_the_token_limit_is_not_embedded()
    {
        var text = $"<a x=\"{new string('x', 2000)}\"/>";

        Assert.That(XmlEmbedding.Fragment(text, Limits.Defaults with { MaxXmlTokenBytes = 1024 }), Is.Null);
    }

    [Test]
    public void A_tag_longer_than_the_token_limit_after_the_first_read_is_not_embedded()
    {
        // Past the guard's first 64 KiB, where the parser already reads under its guard.
        var text = $"<r>{new string(' ', 70_000)}<a x=\"{new string('x', 2000)}\"/></r>";

        Assert.That(XmlEmbedding.Fragment(text, Limits.Defaults with { MaxXmlTokenBytes = 1024 }), Is.Null);
    }
}
