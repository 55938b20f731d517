using Zoo.Core.Processes.Otb.ZcfgGeneration;

namespace Zoo.Core.Tests.Processes.Otb;

public class OtbParameterKindsTests
{
    private static readonly HashSet<string> Choices = ["type", "mode.extent.unit"];

    [TestCase("type.mean.radius", true)]
    [TestCase("mode.extent.unit.pxl.x", true)]
    [TestCase("type", false)]
    [TestCase("typex.a", false)]
    [TestCase("ram", false)]
    public void A_key_is_in_a_choice_branch_when_a_choice_is_among_its_ancestors(string key, bool expected)
    {
        Assert.That(OtbParameterKinds.IsInChoiceBranch(key, Choices), Is.EqualTo(expected));
    }

    [TestCase("Field", true, false)]
    [TestCase("Field", false, true)]
    [TestCase("Band", false, true)]
    [TestCase("ListView", true, false)]
    public void A_list_view_is_a_list_unless_OTB_allows_one_item(string type, bool single, bool expected)
    {
        Assert.That(OtbParameterKinds.IsList(new OtbParameter("k", type, false, false, null, "K", "", [], single)), Is.EqualTo(expected));
    }

    [Test]
    public void A_type_OTB_may_add_later_is_a_string_literal_not_a_lost_parameter()
    {
        var parameter = new OtbParameter("k", "Unknown", false, false, null, "K", "", []);
        Assert.Multiple(() =>
        {
            Assert.That(OtbParameterKinds.IsInput(parameter), Is.True);
            Assert.That(OtbParameterKinds.InputFormats(parameter), Is.Null);
            Assert.That(OtbParameterKinds.LiteralType(parameter), Is.EqualTo("string"));
        });
    }
}
