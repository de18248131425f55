<?php
/*
 * Plugin Name: hmicfrs-watch test site
 * Description: The publication post types as the HMICFRS site has them, and switches
 * (options) for the shapes the watcher must cope with: REST API on/off, core sitemaps
 * on/off, <lastmod> in them on/off (WordPress before 6.5 has none).
 */

add_action('init', function () {
    register_post_type('publication', [
        'label' => 'Publications',
        'public' => true,
        'has_archive' => 'publications',
        'rewrite' => ['slug' => 'publications', 'with_front' => false],
        'show_in_rest' => true,
        'supports' => ['title', 'editor', 'excerpt'],
    ]);
    register_post_type('publication-html', [
        'label' => 'Online reports',
        'public' => true,
        'has_archive' => false,
        'rewrite' => ['slug' => 'publication-html', 'with_front' => false],
        'show_in_rest' => true,
        'rest_base' => 'publication-html',
        'supports' => ['title', 'editor'],
    ]);
});

// Content is stored as finished HTML (as the block editor stores it): no auto-paragraphs.
remove_filter('the_content', 'wpautop');

add_filter('wp_sitemaps_enabled', function ($on) {
    return $on && get_option('watch_sitemaps', '1') === '1';
});

add_filter('wp_sitemaps_posts_entry', function ($entry, $post) {
    if (get_option('watch_lastmod', '1') === '1') {
        $entry['lastmod'] = str_replace(' ', 'T', $post->post_modified_gmt) . '+00:00';
    }
    return $entry;
}, 10, 2);

add_filter('rest_authentication_errors', function ($result) {
    if (get_option('watch_rest', '1') !== '1') {
        return new WP_Error('rest_disabled', 'The REST API is disabled on this site.', ['status' => 401]);
    }
    return $result;
});
