using Zoo.Core.Configuration;
using Zoo.Core.Configuration.Zcfg;

namespace Zoo.Core.Tests.Configuration.Zcfg;

public class LiteralRangeTests
{
    private static LiteralRange? Range(params (string Key, string Value)[] keys) =>
        LiteralRange.Of(new ConfigValues(keys.Select(k => KeyValuePair.Create(k.Key, k.Value))));

    [Test]
    public void A_block_without_range_keys_declares_no_range()
    {
        Assert.That(Range(("dataType", "integer")), Is.Null);
    }

    [Test]
    public void A_bracketed_range_gives_its_ends_and_its_spacing()
    {
        Assert.That(Range(("range", "[0, 10, 2]")), Is.EqualTo(new LiteralRange("0", "10", "2", false, false)));
    }

    [Test]
    public void A_bracket_turned_outwards_opens_that_end()
    {
        Assert.That(Range(("range", "]0,1]")), Is.EqualTo(new LiteralRange("0", "1", null, true, false)));
    }

    [Test]
    public void RangeSpacing_wins_over_a_spacing_in_the_brackets()
    {
        Assert.That(Range(("range", "[0,10,2]"), ("rangeSpacing", "5"))!.Spacing, Is.EqualTo("5"));
    }

    [Test]
    public void RangeMin_alone_leaves_the_maximum_empty_and_the_range_closed()
    {
        Assert.That(Range(("rangeMin", "1")), Is.EqualTo(new LiteralRange("1", "", null, false, false)));
    }

    [TestCase("o", true, true)]
    [TestCase("oo", true, true)]
    [TestCase("open", true, true)]
    [TestCase("OC", true, false)]
    [TestCase("open-closed", true, false)]
    [TestCase("co", false, true)]
    [TestCase("closed-open", false, true)]
    [TestCase("c", false, false)]
    [TestCase("anything", false, false)]
    public void RangeClosure_opens_the_ends_it_names(string closure, bool openMin, bool openMax)
    {
        var range = Range(("rangeMin", "1"), ("rangeMax", "2"), ("rangeClosure", closure))!;

        Assert.That((range.OpenMin, range.OpenMax), Is.EqualTo((openMin, openMax)));
    }

    [TestCase("[0,1]", "closed")]
    [TestCase("]0,1[", "open")]
    [TestCase("]0,1]", "open-closed")]
    [TestCase("[0,1[", "closed-open")]
    public void The_closure_is_named_as_ows_names_it(string brackets, string closure)
    {
        Assert.That(Range(("range", brackets))!.Closure, Is.EqualTo(closure));
    }
}
