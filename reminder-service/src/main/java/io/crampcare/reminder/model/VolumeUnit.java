package io.crampcare.reminder.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * A unit people read amounts of drink in. The service keeps and computes every amount in whole millilitres; a unit only
 * says how an amount is shown to a person ({@link #format}) or read from one ({@link #toMl}).
 */
public enum VolumeUnit {

    /** Millilitres, shown whole: "250 mL" (English), "250 ml" (German, as Duden and German labels write it). */
    ML(0),
    /** US fluid ounces, shown to one decimal: "8.5 fl oz", "8,5 fl oz". */
    US_FL_OZ(1);

    /**
     * Millilitres in one US fluid ounce: 29.573 53 mL, 1/128 of the US gallon of 231 cubic inches (NIST Handbook 44,
     * Appendix C, General Tables of Units of Measurement), rounded as the advice and intake services round it.
     */
    public static final double ML_PER_US_FL_OZ = 29.5735;

    private final int decimals;

    VolumeUnit(int decimals) {
        this.decimals = decimals;
    }

    /** The amount in this unit as people read it: whole millilitres, or ounces to one decimal (half up). */
    public BigDecimal fromMl(int ml) {
        // divide(..., scale, mode) rounds the exact quotient once.
        return this == ML ? BigDecimal.valueOf(ml)
                : BigDecimal.valueOf(ml).divide(BigDecimal.valueOf(ML_PER_US_FL_OZ), decimals, RoundingMode.HALF_UP);
    }

    /**
     * An amount a person gave in this unit, in whole millilitres (half up): 8 fl oz is 237 mL. Bound the amount first:
     * past {@code int} this throws {@link ArithmeticException}.
     */
    public int toMl(BigDecimal amount) {
        BigDecimal ml = this == ML ? amount : amount.multiply(BigDecimal.valueOf(ML_PER_US_FL_OZ));
        return ml.setScale(0, RoundingMode.HALF_UP).intValueExact();
    }

    /**
     * The amount with its unit symbol as a reader of {@code locale} writes it: digits grouped and the decimal sign of
     * that language ("1,250 mL", "1.250 ml", "8.5 fl oz", "8,5 fl oz"), no trailing ".0" ("8 fl oz").
     */
    public String format(int ml, Locale locale) {
        NumberFormat number = NumberFormat.getNumberInstance(locale);
        number.setMinimumFractionDigits(0);
        number.setMaximumFractionDigits(decimals);
        number.setRoundingMode(RoundingMode.HALF_UP);
        return number.format(fromMl(ml)) + " " + symbol(locale);
    }

    /** The unit's symbol for readers of {@code locale}. */
    public String symbol(Locale locale) {
        return switch (this) {
            case ML -> Locale.GERMAN.getLanguage().equals(locale.getLanguage()) ? "ml" : "mL";
            case US_FL_OZ -> "fl oz";
        };
    }
}
