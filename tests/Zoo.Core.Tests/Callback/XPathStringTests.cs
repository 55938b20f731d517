using Zoo.Core.Callback;

namespace Zoo.Core.Tests.Callback;

public class XPathStringTests
{
    [Test]
    public void Text_without_single_quotes_is_a_single_quoted_literal()
    {
        Assert.That(XPathString.Literal("a\"b"), Is.EqualTo("'a\"b'"));
    }

    [Test]
    public void Text_with_single_quotes_only_is_a_double_quoted_literal()
    {
        Assert.That(XPathString.Literal("a'b"), Is.EqualTo("\"a'b\""));
    }

    [Test]
    public void Text_with_both_quotes_is_a_concat_of_pieces_and_single_quotes()
    {
        Assert.That(XPathString.Literal("'a\"b'"), Is.EqualTo("concat('', \"'\", 'a\"b', \"'\", '')"));
    }
}
