package io.crampcare.reminder.service;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.crampcare.reminder.model.Presentation;
import io.crampcare.reminder.model.UserPreferences;
import io.crampcare.reminder.planning.Preferences;

/**
 * Reads users' current preferences (the defaults for users who never set any), for planning, firing and showing
 * nudges. Changing them is {@link PreferencesService}'s.
 */
@ApplicationScoped
public class StoredPreferences {

    @Transactional
    public Preferences of(String userId) {
        UserPreferences row = UserPreferences.findById(userId);
        return row == null ? Preferences.defaults() : row.preferences();
    }

    /** How to speak to the user: their unit and language (the defaults for users who never set them). */
    @Transactional
    public Presentation presentationOf(String userId) {
        UserPreferences row = UserPreferences.findById(userId);
        return row == null ? Presentation.defaults() : row.presentation();
    }

    /** The preferences of many users in one query (the dispatcher's batches). */
    @Transactional
    public Map<String, Preferences> of(Collection<String> userIds) {
        Map<String, Preferences> preferences = new HashMap<>();
        if (userIds.isEmpty()) {
            return preferences;
        }
        UserPreferences.<UserPreferences>list("userId in ?1", userIds)
                .forEach(row -> preferences.put(row.userId, row.preferences()));
        userIds.forEach(user -> preferences.putIfAbsent(user, Preferences.defaults()));
        return preferences;
    }

}
