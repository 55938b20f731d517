using Zoo.Core.Configuration;
using Zoo.Core.Execution;
using Zoo.Core.Wps;

namespace Zoo.Core.Tests.Execution;

public class LiteralCheckTests
{
    private static ConfigValues Declared(params (string Key, string Value)[] keys) =>
        new(keys.Select(k => KeyValuePair.Create(k.Key, k.Value)));

    private static OwsError? Check(string value, params (string Key, string Value)[] keys) =>
        LiteralCheck.Check("a", value, Declared(keys));

    [Test]
    public void Without_a_declaration_anything_fits()
    {
        Assert.That(LiteralCheck.Check("a", "anything", null), Is.Null);
    }

    [TestCase("12")]
    [TestCase(" 12 ")]
    [TestCase("-3")]
    public void A_whole_number_fits_an_integer(string value)
    {
        Assert.That(Check(value, ("dataType", "integer")), Is.Null);
    }

    [TestCase("1.5")]
    [TestCase("abc")]
    [TestCase("")]
    [TestCase("99999999999999999999")]
    public void Anything_else_is_not_an_integer(string value)
    {
        Assert.That(Check(value, ("dataType", "integer")), Is.Not.Null);
    }

    [Test]
    public void A_value_of_the_wrong_type_is_an_InvalidParameterValue_naming_the_type()
    {
        var error = Check("abc", ("dataType", "integer"))!;

        Assert.That((error.Code, error.Locator, error.Text),
            Is.EqualTo(("InvalidParameterValue", "a", "The value <abc> of the <a> input is not a valid integer.")));
    }

    [Test]
    public void The_data_type_is_recognised_without_regard_to_case()
    {
        Assert.That(Check("abc", ("dataType", "Integer")), Is.Not.Null);
    }

    [TestCase("1.5")]
    [TestCase("1e3")]
    [TestCase("-0.25")]
    public void A_real_number_fits_a_double(string value)
    {
        Assert.That(Check(value, ("dataType", "double")), Is.Null);
    }

    [TestCase("abc")]
    [TestCase("1,5")]
    public void Text_is_not_a_double(string value)
    {
        Assert.That(Check(value, ("dataType", "double")), Is.Not.Null);
    }

    [TestCase("true")]
    [TestCase("FALSE")]
    [TestCase("1")]
    [TestCase("0")]
    public void True_false_1_and_0_fit_a_boolean(string value)
    {
        Assert.That(Check(value, ("dataType", "boolean")), Is.Null);
    }

    [Test]
    public void Yes_is_not_a_boolean()
    {
        Assert.That(Check("yes", ("dataType", "boolean")), Is.Not.Null);
    }

    [Test]
    public void Any_text_fits_a_string()
    {
        Assert.That(Check("<anything>", ("dataType", "string")), Is.Null);
    }

    [Test]
    public void A_long_value_is_shortened_in_the_message()
    {
        var error = Check(new string('x', 150), ("dataType", "integer"))!;

        Assert.That(error.Text, Is.EqualTo($"The value <{new string('x', 100)}...> of the <a> input is not a valid integer."));
    }

    [TestCase("red")]
    [TestCase(" green ")]
    public void An_allowed_value_fits(string value)
    {
        Assert.That(Check(value, ("dataType", "string"), ("AllowedValues", "red, green")), Is.Null);
    }

    [Test]
    public void A_value_not_allowed_is_an_InvalidParameterValue()
    {
        var error = Check("blue", ("dataType", "string"), ("AllowedValues", "red,green"))!;

        Assert.That((error.Code, error.Locator, error.Text),
            Is.EqualTo(("InvalidParameterValue", "a", "The value <blue> of the <a> input is not one of its allowed values.")));
    }

    [Test]
    public void Allowed_values_are_compared_with_their_case()
    {
        Assert.That(Check("RED", ("dataType", "string"), ("AllowedValues", "red,green")), Is.Not.Null);
    }

    [TestCase("0")]
    [TestCase("0.5")]
    [TestCase("1")]
    public void A_value_within_a_closed_range_fits(string value)
    {
        Assert.That(Check(value, ("dataType", "double"), ("range", "[0,1]")), Is.Null);
    }

    [TestCase("-0.1")]
    [TestCase("1.1")]
    public void A_value_outside_a_closed_range_is_not_allowed(string value)
    {
        Assert.That(Check(value, ("dataType", "double"), ("range", "[0,1]")), Is.Not.Null);
    }

    [TestCase("0")]
    [TestCase("1")]
    public void The_bounds_of_an_open_range_are_not_allowed(string value)
    {
        Assert.That(Check(value, ("dataType", "double"), ("range", "]0,1[")), Is.Not.Null);
    }

    [Test]
    public void A_value_inside_an_open_range_fits()
    {
        Assert.That(Check("0.5", ("dataType", "double"), ("range", "]0,1[")), Is.Null);
    }

    [Test]
    public void A_range_without_a_maximum_has_no_upper_bound()
    {
        Assert.That(Check("1000000", ("dataType", "integer"), ("range", "[0,]")), Is.Null);
    }

    [Test]
    public void RangeMin_and_rangeMax_are_closed_by_default()
    {
        Assert.That(Check("10", ("dataType", "integer"), ("rangeMin", "1"), ("rangeMax", "10")), Is.Null);
    }

    [Test]
    public void RangeClosure_o_opens_both_bounds()
    {
        Assert.That(Check("10", ("dataType", "integer"), ("rangeMin", "1"), ("rangeMax", "10"), ("rangeClosure", "o")), Is.Not.Null);
    }

    [Test]
    public void RangeClosure_oo_opens_both_bounds_as_DescribeProcess_says()
    {
        Assert.That(Check("1", ("dataType", "integer"), ("rangeMin", "1"), ("rangeMax", "10"), ("rangeClosure", "oo")), Is.Not.Null);
    }

    [Test]
    public void RangeClosure_co_keeps_the_minimum()
    {
        Assert.That(Check("1", ("dataType", "integer"), ("rangeMin", "1"), ("rangeMax", "10"), ("rangeClosure", "co")), Is.Null);
    }

    [Test]
    public void RangeClosure_co_excludes_the_maximum()
    {
        Assert.That(Check("10", ("dataType", "integer"), ("rangeMin", "1"), ("rangeMax", "10"), ("rangeClosure", "co")), Is.Not.Null);
    }

    [Test]
    public void A_value_in_the_allowed_list_fits_even_outside_the_range()
    {
        Assert.That(Check("-1", ("dataType", "integer"), ("AllowedValues", "-1"), ("range", "[0,10]")), Is.Null);
    }

    [Test]
    public void A_value_in_the_range_fits_even_outside_the_allowed_list()
    {
        Assert.That(Check("5", ("dataType", "integer"), ("AllowedValues", "-1"), ("range", "[0,10]")), Is.Null);
    }

    [Test]
    public void A_value_in_neither_the_list_nor_the_range_is_not_allowed()
    {
        Assert.That(Check("11", ("dataType", "integer"), ("AllowedValues", "-1"), ("range", "[0,10]")), Is.Not.Null);
    }
}
