package io.crampcare.support.problem;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.util.ClassUtil;

import io.crampcare.support.validation.ControlCharacters;

/**
 * What the coercion settings of {@link StrictJson} cannot say: a number is only read from a JSON number (Jackson reads
 * {@code "NaN"} into a double whatever the coercion settings), a date or time only from a string (not epoch seconds, not
 * {@code [7, 0]}), and no string holds a control character ({@link ControlCharacters}). Each failure names its field,
 * as every other type mismatch does.
 */
final class StrictScalars extends SimpleModule {

    private static final Set<Class<?>> TEXT_ONLY = Set.of(Instant.class, LocalTime.class, LocalDate.class,
            LocalDateTime.class, OffsetDateTime.class, ZonedDateTime.class);

    StrictScalars() {
        super("crampcare-strict-scalars");
        setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                    JsonDeserializer<?> deserializer) {
                Class<?> type = description.getBeanClass();
                Class<?> boxed = type.isPrimitive() ? ClassUtil.wrapperType(type) : type;
                if (type == String.class || TEXT_ONLY.contains(type) || Number.class.isAssignableFrom(boxed)) {
                    return new Guard(deserializer);
                }
                return deserializer;
            }
        });
    }

    /** Thrown for a string with a control character; its message is the client's. */
    public static final class ControlCharacter extends MismatchedInputException {

        ControlCharacter(JsonParser parser) {
            super(parser, ControlCharacters.MESSAGE, String.class);
        }
    }

    private static final class Guard extends DelegatingDeserializer {

        Guard(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new Guard(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            Class<?> type = handledType();
            JsonToken token = parser.currentToken();
            boolean number = token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT;
            if (token != JsonToken.VALUE_NULL && (TEXT_ONLY.contains(type) ? token != JsonToken.VALUE_STRING
                    : type != String.class && !number)) {
                return context.handleUnexpectedToken(type, parser);
            }
            Object value = super.deserialize(parser, context);
            if (value instanceof String text && ControlCharacters.in(text)) {
                throw new ControlCharacter(parser);
            }
            return value;
        }
    }
}
